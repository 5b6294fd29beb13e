#ifndef LAMBDACTL_BUILD_INFO_H
#define LAMBDACTL_BUILD_INFO_H

/// The git commit Scripts/release built from (LAMBDACTL_BUILD_COMMIT at build time), or "" for a
/// plain `swift build`.
const char *lambdactl_build_commit(void);

#endif
