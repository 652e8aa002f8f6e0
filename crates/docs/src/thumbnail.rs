//! Small JPEG thumbnails of uploaded photos, decoded under limits so that a
//! crafted image cannot exhaust memory.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};

/// Longest side of a thumbnail, in pixels: sharp on a phone's list view.
pub const THUMBNAIL_SIDE: u32 = 320;

#[derive(Debug, thiserror::Error)]
#[error("not an image that can be read: {0}")]
pub struct ThumbnailError(#[from] image::ImageError);

/// A JPEG no larger than `THUMBNAIL_SIDE` on its longest side.
pub fn thumbnail(photo: &[u8]) -> Result<Vec<u8>, ThumbnailError> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(256 * 1024 * 1024);
    let mut reader =
        ImageReader::new(Cursor::new(photo)).with_guessed_format().map_err(image::ImageError::IoError)?;
    reader.limits(limits);
    let small = reader.decode()?.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE).into_rgb8();
    let mut out = Cursor::new(Vec::new());
    small.write_to(&mut out, ImageFormat::Jpeg)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Cursor::new(Vec::new());
        picture.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_photo_shrinks_to_a_jpeg_keeping_its_proportions() {
        let thumb = thumbnail(&png(1600, 900)).unwrap();
        assert!(thumb.starts_with(&[0xFF, 0xD8, 0xFF]));
        let decoded = image::load_from_memory(&thumb).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (320, 180));
    }

    #[test]
    fn garbage_and_truncated_images_are_refused_not_panicked_on() {
        assert!(thumbnail(b"not an image").is_err());
        let whole = png(64, 64);
        assert!(thumbnail(&whole[..whole.len() / 2]).is_err());
    }
}
