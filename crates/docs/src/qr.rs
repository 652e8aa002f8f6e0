//! QR codes as SVG, for pages, posters and printed sign-in sheets, and as
//! PNG for what takes only pictures (LINE, a slide, a Word letter).

/// A QR code of `text` as an `<svg>` element (no XML declaration, so that
/// it can be inlined in HTML), at least `size` pixels wide.
pub fn svg(text: &str, size: u32) -> Option<String> {
    use qrcode::render::svg;
    let qr = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let image = qr.render::<svg::Color<'_>>().min_dimensions(size, size).quiet_zone(true).build();
    let start = image.find("<svg")?;
    Some(image[start..].to_owned())
}

/// A QR code of `text` as a black-on-white PNG, at least `size` pixels wide.
pub fn png(text: &str, size: u32) -> Option<Vec<u8>> {
    let qr = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let image = qr.render::<image::Luma<u8>>().min_dimensions(size, size).quiet_zone(true).build();
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).ok()?;
    Some(out.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_svg_is_an_inline_element() {
        let svg = super::svg("K7QX-2MHD", 200).unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert!(!svg.contains("<?xml"));
    }

    #[test]
    fn the_png_is_a_picture_of_at_least_the_size_asked() {
        let png = super::png("https://example.org/surveys/7", 300).unwrap();
        let picture = image::load_from_memory(&png).unwrap();
        assert!(picture.width() >= 300 && picture.width() == picture.height());
    }
}
