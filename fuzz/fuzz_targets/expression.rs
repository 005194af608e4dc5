//! `cargo xtask fuzz expression <seconds>`: see [`advies_fuzz::expression`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    advies_fuzz::expression(data);
});
