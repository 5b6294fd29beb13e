#ifndef LAMBDACTL_COPENSSL_SHIM_H
#define LAMBDACTL_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#endif
