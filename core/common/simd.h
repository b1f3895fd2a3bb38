#pragma once
// GS_SIMD_CLONES before a hot loop's function: GCC compiles it for AVX2 and for the baseline
// and picks one at load time through an ifunc resolver (the package runs on any x86-64).
// ThreadSanitizer builds turn it off: the resolver runs during relocation, before the TSan
// runtime is initialised, and its instrumented code crashed every program at start
// (gdb: SIGSEGV in gs::dsp::maxValue [clone .resolver] under _dl_relocate_object).
//
// GS_HAS_TARGET_VERSIONS / GS_TARGET_DEFAULT: the same for a function written twice, as
// __attribute__((target("avx2"))) and target("default") overloads (also an ifunc): without it
// only the default overload is compiled, without the attribute.
#if defined(GENRESCOPE_NO_TARGET_CLONES)
#define GS_SIMD_CLONES
#define GS_HAS_TARGET_VERSIONS 0
#define GS_TARGET_DEFAULT
#else
#define GS_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#define GS_HAS_TARGET_VERSIONS 1
#define GS_TARGET_DEFAULT __attribute__((target("default")))
#endif
