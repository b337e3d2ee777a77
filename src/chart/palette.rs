//! The chart colours, in one place for the scenes, the PNG and the Overview's swatches.
//!
//! Slot `i` is the `i`-th 类 of a budget in code order, so a class keeps its colour in every
//! chart. The colours come from sets designed to stay apart for colour-blind readers (Okabe–Ito,
//! and Paul Tol's vibrant, muted, light and bright sets), and their order keeps neighbours — the
//! slices that touch in a donut, including the last and the first — clearly different for normal,
//! deuteranope and protanope vision. The tests below measure this (CIEDE2000).

use super::Rgba;

/// The palette, in slot order.
pub const PALETTE: [Rgba; 12] = [
    [0x00, 0x72, 0xB2, 255], // blue (Okabe–Ito)
    [0xE6, 0x9F, 0x00, 255], // orange (Okabe–Ito)
    [0xCC, 0x79, 0xA7, 255], // reddish purple (Okabe–Ito)
    [0xF0, 0xE4, 0x42, 255], // yellow (Okabe–Ito)
    [0xCC, 0x33, 0x11, 255], // red (Tol vibrant)
    [0x00, 0x99, 0x88, 255], // teal (Tol vibrant)
    [0x33, 0x22, 0x88, 255], // indigo (Tol muted)
    [0x11, 0x77, 0x33, 255], // green (Tol muted)
    [0x99, 0xDD, 0xFF, 255], // light cyan (Tol light)
    [0xEE, 0x88, 0x66, 255], // salmon (Tol light)
    [0xAA, 0x33, 0x77, 255], // purple (Tol bright)
    [0x99, 0x99, 0x33, 255], // olive (Tol muted)
];

/// Light text, for dark fills.
pub const LIGHT_TEXT: Rgba = [0xFF, 0xFF, 0xFF, 255];
/// Dark text, for light fills.
pub const DARK_TEXT: Rgba = [0x11, 0x11, 0x11, 255];

/// Colour of slot `i`; slots repeat after the last.
#[must_use]
pub fn colour(i: usize) -> Rgba {
    PALETTE[i % PALETTE.len()]
}

/// WCAG relative luminance of an sRGB colour (alpha ignored), 0 for black to 1 for white.
#[must_use]
pub fn relative_luminance(c: Rgba) -> f32 {
    let linear = |v: u8| {
        let v = f32::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
}

/// WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).
#[must_use]
pub fn contrast(a: Rgba, b: Rgba) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour for a label drawn on `fill`: light or dark, whichever contrasts more.
#[must_use]
pub fn label_colour(fill: Rgba) -> Rgba {
    if contrast(fill, LIGHT_TEXT) >= contrast(fill, DARK_TEXT) {
        LIGHT_TEXT
    } else {
        DARK_TEXT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sRGB → linear RGB.
    fn linear(c: Rgba) -> [f64; 3] {
        let f = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.040_45 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        [f(c[0]), f(c[1]), f(c[2])]
    }

    /// Linear RGB → CIE L*a*b* (D65).
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = rgb.map(|v| v.clamp(0.0, 1.0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
        let f = |t: f64| {
            let d: f64 = 6.0 / 29.0;
            if t > d.powi(3) {
                t.cbrt()
            } else {
                t / (3.0 * d * d) + 4.0 / 29.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// How a dichromat sees a colour (Machado, Oliveira and Fernandes 2009, severity 1), in
    /// linear RGB.
    fn simulate(c: Rgba, m: [[f64; 3]; 3]) -> [f64; 3] {
        let v = linear(c);
        m.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2])
    }

    const PROTAN: [[f64; 3]; 3] = [
        [0.152_286, 1.052_583, -0.204_868],
        [0.114_503, 0.786_281, 0.099_216],
        [-0.003_882, -0.048_116, 1.051_998],
    ];
    const DEUTAN: [[f64; 3]; 3] = [
        [0.367_322, 0.860_646, -0.227_968],
        [0.280_085, 0.672_501, 0.047_413],
        [-0.011_820, 0.042_940, 0.968_881],
    ];

    /// CIEDE2000 colour difference: about 1 is just noticeable, above 20 is a different colour.
    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        let [l1, a1, b1] = a;
        let [l2, a2, b2] = b;
        let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
        let g = 0.5 * (1.0 - (c_bar.powi(7) / (c_bar.powi(7) + 25f64.powi(7))).sqrt());
        let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
        let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
        let hue = |b: f64, a: f64| b.atan2(a).to_degrees().rem_euclid(360.0);
        let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
        let dl = l2 - l1;
        let dc = c2p - c1p;
        let mut dh = h2p - h1p;
        if c1p * c2p == 0.0 {
            dh = 0.0;
        } else if dh > 180.0 {
            dh -= 360.0;
        } else if dh < -180.0 {
            dh += 360.0;
        }
        let dh_big = 2.0 * (c1p * c2p).sqrt() * (dh / 2.0).to_radians().sin();
        let l_bar = (l1 + l2) / 2.0;
        let cp_bar = (c1p + c2p) / 2.0;
        let h_bar = if c1p * c2p == 0.0 {
            h1p + h2p
        } else if (h1p - h2p).abs() > 180.0 {
            (h1p + h2p + 360.0) / 2.0
        } else {
            (h1p + h2p) / 2.0
        };
        let cos = |deg: f64| deg.to_radians().cos();
        let t = 1.0 - 0.17 * cos(h_bar - 30.0)
            + 0.24 * cos(2.0 * h_bar)
            + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
        let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
        let r_c = 2.0 * (cp_bar.powi(7) / (cp_bar.powi(7) + 25f64.powi(7))).sqrt();
        let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
        let s_c = 1.0 + 0.045 * cp_bar;
        let s_h = 1.0 + 0.015 * cp_bar * t;
        let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
        ((dl / s_l).powi(2)
            + (dc / s_c).powi(2)
            + (dh_big / s_h).powi(2)
            + r_t * (dc / s_c) * (dh_big / s_h))
            .sqrt()
    }

    #[test]
    fn delta_e_matches_published_pairs() {
        // Sharma, Wu and Dalal (2005), test pairs 1 and 17.
        assert!((delta_e([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485]) - 2.0425).abs() < 1e-3);
        assert!((delta_e([50.0, 2.5, 0.0], [73.0, 25.0, -18.0]) - 27.1492).abs() < 1e-3);
    }

    #[test]
    fn every_label_on_a_slice_is_readable() {
        for (i, fill) in PALETTE.into_iter().enumerate() {
            let ratio = contrast(fill, label_colour(fill));
            assert!(ratio >= 4.5, "slot {i}: contrast {ratio:.2}");
        }
    }

    #[test]
    fn neighbours_differ_clearly_also_for_colour_blind_readers() {
        /// How one kind of vision sees a colour, in L*a*b*.
        type Vision = fn(Rgba) -> [f64; 3];
        let n = PALETTE.len();
        let views: [(&str, Vision); 3] = [
            ("normal", |c| lab(linear(c))),
            ("deuteranope", |c| lab(simulate(c, DEUTAN))),
            ("protanope", |c| lab(simulate(c, PROTAN))),
        ];
        for (vision, see) in views {
            // The last slot touches the first when slots wrap, and in a full donut.
            for (i, colour) in PALETTE.into_iter().enumerate() {
                let j = (i + 1) % n;
                let d = delta_e(see(colour), see(PALETTE[j]));
                assert!(d >= 25.0, "{vision}: slots {i} and {j} differ by {d:.1}");
            }
        }
        let normal = |i: usize, j: usize| delta_e(lab(linear(PALETTE[i])), lab(linear(PALETTE[j])));
        // A donut of k slices closes with slot k-1 against slot 0.
        for k in 2..n {
            let d = normal(0, k);
            assert!(d >= 25.0, "slot {k} against slot 0 differs by {d:.1}");
        }
        // Any two slots are different colours, not shades of one.
        for i in 0..n {
            for j in i + 1..n {
                let d = normal(i, j);
                assert!(d >= 18.0, "slots {i} and {j} differ by {d:.1}");
            }
        }
    }
}
