// The declaration is all this target provides; libclang_rt.fuzzer_no_main supplies the definition.
