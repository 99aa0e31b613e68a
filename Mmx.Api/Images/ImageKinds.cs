namespace Mmx.Api.Images;

/// <summary>An image format the store accepts, told by the file's own first bytes.</summary>
public sealed record ImageKind(string Extension, string ContentType)
{
    public static readonly ImageKind Png = new("png", "image/png");
    public static readonly ImageKind Jpeg = new("jpg", "image/jpeg");
    public static readonly ImageKind Gif = new("gif", "image/gif");
    public static readonly ImageKind WebP = new("webp", "image/webp");

    public static readonly IReadOnlyList<ImageKind> All = [Png, Jpeg, Gif, WebP];

    /// <summary>The format whose signature opens these bytes, or null (the sender's content type is not believed).</summary>
    public static ImageKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return Gif;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    public static ImageKind? OfExtension(string extension) => All.FirstOrDefault(k => k.Extension == extension);
}
