namespace Mmx.Api.Images;

/// <summary>A format the store accepts (pictures, and the chat's voice clips), told by the file's own first bytes.</summary>
public sealed record ImageKind(string Extension, string ContentType)
{
    public static readonly ImageKind Png = new("png", "image/png");
    public static readonly ImageKind Jpeg = new("jpg", "image/jpeg");
    public static readonly ImageKind Gif = new("gif", "image/gif");
    public static readonly ImageKind WebP = new("webp", "image/webp");

    public static readonly IReadOnlyList<ImageKind> All = [Png, Jpeg, Gif, WebP];

    // Voice clips of the chat (uploads only): the iOS app records MP3, other clients AMR or AAC.
    public static readonly ImageKind Mp3 = new("mp3", "audio/mp3");
    public static readonly ImageKind Amr = new("amr", "audio/amr");
    public static readonly ImageKind Aac = new("aac", "audio/aac");
    public static readonly ImageKind M4a = new("m4a", "audio/mp4");

    public static readonly IReadOnlyList<ImageKind> Voices = [Mp3, Amr, Aac, M4a];

    /// <summary>Whether this is a voice clip rather than a picture.</summary>
    public bool IsVoice => Voices.Contains(this);

    /// <summary>The voice format whose signature opens these bytes, or null.</summary>
    public static ImageKind? SniffVoice(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("#!AMR"u8)) return Amr;
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8)
            && (bytes[8..12].SequenceEqual("M4A "u8) || bytes[8..12].SequenceEqual("mp42"u8) || bytes[8..12].SequenceEqual("isom"u8))) return M4a;
        if (bytes.StartsWith("ID3"u8)) return Mp3;
        if (bytes.Length >= 2 && bytes[0] == 0xFF)
        {
            // ADTS (AAC) has layer bits 00; MPEG audio frames (MP3) a layer of 1 to 3.
            if ((bytes[1] & 0xF6) == 0xF0) return Aac;
            if ((bytes[1] & 0xE0) == 0xE0 && (bytes[1] & 0x06) != 0) return Mp3;
        }
        return null;
    }

    /// <summary>The format whose signature opens these bytes, or null (the sender's content type is not believed).</summary>
    public static ImageKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return Gif;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    public static ImageKind? OfExtension(string extension) => All.Concat(Voices).FirstOrDefault(k => k.Extension == extension);
}
