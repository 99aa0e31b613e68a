using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace Mmx.Tests.Infrastructure;

/// <summary>Files as phones send them to the uploader, and the multipart request that carries one.</summary>
public static class TestUploads
{
    /// <summary>Bytes the test writes into the EXIF block, to look for in what the server kept.</summary>
    public static readonly byte[] GpsMarker = "MMX-GPS-22.5431N-113.9344E"u8.ToArray();

    /// <summary>
    /// A JPEG of <paramref name="width"/> x <paramref name="height"/> with an EXIF block (APP1) that
    /// holds a GPS position, the marker text and an orientation (6: the camera was turned, the
    /// picture stands when rotated 90 degrees clockwise), as a phone camera writes it.
    /// </summary>
    public static byte[] JpegWithGps(int width, int height, ushort orientation = 6)
    {
        var plain = Encode(Gradient(width, height), SKEncodedImageFormat.Jpeg);
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(long v) { for (var i = 0; i < 4; i++) tiff.Add((byte)(v >> (8 * i))); }
        // Little-endian TIFF: IFD0 at 8 with Orientation, ImageDescription (the marker) and the GPS IFD's offset.
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        const int ifd0 = 8, ifd0Entries = 3, gpsEntries = 3;
        var descriptionAt = ifd0 + 2 + ifd0Entries * 12 + 4;
        var gpsAt = descriptionAt + GpsMarker.Length + 1;
        var latitudeAt = gpsAt + 2 + gpsEntries * 12 + 4;
        U16(ifd0Entries);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x010E); U16(2); U32(GpsMarker.Length + 1); U32(descriptionAt);
        U16(0x8825); U16(4); U32(1); U32(gpsAt);
        U32(0);
        tiff.AddRange(GpsMarker); tiff.Add(0);
        U16(gpsEntries);
        U16(0x0000); U16(1); U32(4); tiff.AddRange(new byte[] { 2, 2, 0, 0 });
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(latitudeAt);
        U32(0);
        foreach (var (n, d) in new[] { (22, 1), (32, 1), (3516, 100) }) { U32(n); U32(d); }
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Count;
        app1.Add((byte)(length >> 8)); app1.Add((byte)length);
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        // After SOI (FF D8), before whatever Skia wrote next.
        return [.. plain[..2], .. app1, .. plain[2..]];
    }

    /// <summary>A PNG of random pixels: it compresses to about its raw size (4 bytes a pixel).</summary>
    public static byte[] NoisePng(int side)
    {
        using var bitmap = new SKBitmap(side, side);
        var random = new Random(side);
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
                bitmap.SetPixel(x, y, new SKColor((uint)random.Next() | 0xFF000000));
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>An MP3 as the iOS app records it (libmp3lame), behind an ID3 tag that names the recorder.</summary>
    public static byte[] Mp3WithId3()
    {
        var frame = new byte[417];
        frame[0] = 0xFF; frame[1] = 0xFB; frame[2] = 0x90; frame[3] = 0x64;
        var tagBody = "TSSE\0\0\0\u000e\0\0\0Lavf58.29.100"u8.ToArray();
        byte[] header = [(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, (byte)tagBody.Length];
        return [.. header, .. tagBody, .. frame, .. frame];
    }

    /// <summary>A Windows program (its MZ and PE headers), as someone renames one photo.jpg.</summary>
    public static byte[] WindowsProgram()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M'; bytes[1] = (byte)'Z'; bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static SKBitmap Gradient(int width, int height)
    {
        var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / width), (byte)(y * 255 / height), 128));
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>POSTs the file as a multipart form part named <paramref name="field"/>, as the apps' form libraries do.</summary>
    public static async Task<JsonNode> Upload(HttpClient http, string? token, byte[] file, string fileName, string contentType,
        string field = "file", string path = "/file/uploader", string? query = null)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path + query) { Content = form };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return await ApiFactory.ReadJson(response);
    }
}
