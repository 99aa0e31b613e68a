using SkiaSharp;

namespace Mmx.Api.Images;

/// <summary>
/// What an upload keeps of the sender's file. A picture is decoded and encoded anew with Skia
/// (SkiaSharp, Google's graphics library), which writes pixels only: no EXIF block, so no GPS
/// position, camera or time leaves the server; the EXIF orientation is applied to the pixels
/// first, so a phone photo still stands upright. JPEG stays JPEG (quality 90), PNG and WebP stay
/// themselves, a GIF becomes a PNG of its first frame (Skia writes no GIF). A voice clip is kept
/// as recorded, less a leading ID3 tag (the MP3 metadata block). Anything else is err 1.
/// </summary>
public static class UploadCleaner
{
    /// <summary>Pictures larger than this many pixels (a decompression bomb, or more than any phone takes) are refused.</summary>
    public const long MaxPixels = 50_000_000;
    public const int JpegQuality = 90;

    public static (byte[] Bytes, ImageKind Kind) Picture(byte[] bytes, ImageKind kind)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw ApiException.BadRequest("the file is not a picture MMX can read");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
            throw ApiException.BadRequest($"the picture is over {MaxPixels / 1_000_000} megapixels");
        using var decoded = SKBitmap.Decode(codec) ?? throw ApiException.BadRequest("the picture is damaged");
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var (format, stored) = kind == ImageKind.Jpeg ? (SKEncodedImageFormat.Jpeg, ImageKind.Jpeg)
            : kind == ImageKind.WebP ? (SKEncodedImageFormat.Webp, ImageKind.WebP)
            : (SKEncodedImageFormat.Png, ImageKind.Png);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(format, JpegQuality) ?? throw ApiException.BadRequest("the picture could not be stored");
        return (encoded.ToArray(), stored);
    }

    public static byte[] Voice(byte[] bytes, ImageKind kind)
    {
        if (kind != ImageKind.Mp3 || bytes.Length < 10 || !bytes.AsSpan().StartsWith("ID3"u8)) return bytes;
        // ID3v2: a 10-byte header whose last four bytes are the tag's size, 7 bits each (and a 10-byte footer when flagged).
        var size = (bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F);
        var end = 10 + size + ((bytes[5] & 0x10) != 0 ? 10 : 0);
        if (end >= bytes.Length || ImageKind.SniffVoice(bytes.AsSpan(end)) != ImageKind.Mp3)
            throw ApiException.BadRequest("the voice clip is damaged");
        return bytes[end..];
    }

    /// <summary>The bitmap turned as the EXIF orientation says (a copy), or itself when it is upright already.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        var (sw, sh) = ((float)source.Width, (float)source.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, sw, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, sw, 0, -1, sh, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, sh, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, sh, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, sh, -1, 0, sw, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, sw, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return result;
    }
}
