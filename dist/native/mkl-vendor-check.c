/*
 * Answers Intel MKL's processor-vendor check: MKL (bundled in libtorch's x86-64 builds) picks its fast
 * matrix-product kernels (AVX-512, AVX2) only when mkl_serv_intel_cpu_true() says the processor is an
 * Intel one, and takes a generic path on AMD processors that support the same instructions. The
 * dclust launcher builds this file into dist/target/native/libdclust-mkl-vendor-check.so and preloads
 * it (LD_PRELOAD) on Linux x86-64 with an AMD processor; MKL still chooses among its kernels by the
 * instruction sets the processor reports (CPUID), so none it lacks is used. README, "Speed: MKL on AMD
 * processors". Set DCLUST_MKL_VENDOR_CHECK=keep to run without it.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
