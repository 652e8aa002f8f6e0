//! QR codes as SVG, for pages, posters and printed sign-in sheets.

/// A QR code of `text` as an `<svg>` element (no XML declaration, so that
/// it can be inlined in HTML), at least `size` pixels wide.
pub fn svg(text: &str, size: u32) -> Option<String> {
    use qrcode::render::svg;
    let qr = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let image = qr.render::<svg::Color<'_>>().min_dimensions(size, size).quiet_zone(true).build();
    let start = image.find("<svg")?;
    Some(image[start..].to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_svg_is_an_inline_element() {
        let svg = super::svg("K7QX-2MHD", 200).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<?xml"));
    }
}
