//! `cargo xtask fuzz state <seconds>`: see [`advies_fuzz::state`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    advies_fuzz::state(data);
});
