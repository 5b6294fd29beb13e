#include "build_info.h"

// Package.swift defines LAMBDACTL_BUILD_COMMIT (a quoted string) only when Scripts/release sets
// the environment variable of the same name; a plain `swift build` leaves it out.
#ifndef LAMBDACTL_BUILD_COMMIT
#define LAMBDACTL_BUILD_COMMIT ""
#endif

const char *lambdactl_build_commit(void) {
    return LAMBDACTL_BUILD_COMMIT;
}
