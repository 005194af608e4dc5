//! `cargo xtask fuzz definition <seconds>`: see [`advies_fuzz::definition`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    advies_fuzz::definition(data);
});
