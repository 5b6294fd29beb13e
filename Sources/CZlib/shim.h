#ifndef LAMBDACTL_CZLIB_SHIM_H
#define LAMBDACTL_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a function-like macro Swift cannot import; this wraps it.
static inline int lambdactl_deflateInit2(z_streamp strm, int level, int method,
                                         int windowBits, int memLevel, int strategy) {
    return deflateInit2(strm, level, method, windowBits, memLevel, strategy);
}

/// inflateInit2 is a function-like macro Swift cannot import; this wraps it.
static inline int lambdactl_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
