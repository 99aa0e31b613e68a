using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace Mmx.Api.Images;

/// <summary>
/// The demo catalogue's pictures, served by the embedded default itself: the catalogue file names
/// them on a host that does not exist (<see cref="WrittenHost"/>), so its loader points them here
/// (<see cref="Path"/>) and this draws each one, a plain tile whose colours come from its name, so
/// that the apps show a picture for every shop, goods item and category. Only names the demo
/// catalogue holds are drawn (anything else is 404), each once.
/// </summary>
public sealed class DemoPictures
{
    public const string WrittenHost = "https://img.mmx.example/";
    public const string Path = "/demo/img";
    private const int Size = 320;

    private readonly ConcurrentDictionary<string, byte[]> _drawn = new(StringComparer.Ordinal);
    private volatile HashSet<string> _names = [];

    /// <summary>The catalogue text with each picture URL of <see cref="WrittenHost"/> moved to <paramref name="baseUrl"/>; remembers the names.</summary>
    public string Rehost(string catalogue, string baseUrl)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        while ((at = catalogue.IndexOf(WrittenHost, at, StringComparison.Ordinal)) >= 0)
        {
            var end = catalogue.IndexOf('"', at);
            names.Add(catalogue[(at + WrittenHost.Length)..end]);
            at = end;
        }
        _names = names;
        return catalogue.Replace(WrittenHost, baseUrl.TrimEnd('/') + Path + "/", StringComparison.Ordinal);
    }

    /// <summary>The PNG of a demo picture (e.g. <c>shop/2-1.jpg</c>), or null for a name the demo catalogue does not hold.</summary>
    public byte[]? Png(string name) => _names.Contains(name) ? _drawn.GetOrAdd(name, Draw) : null;

    private static byte[] Draw(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        using var bitmap = new SKBitmap(Size, Size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(hash[0], hash[1], hash[2]));
            using var paint = new SKPaint { Color = new SKColor(hash[3], hash[4], hash[5], 200), IsAntialias = true };
            canvas.DrawCircle(Size * (0.3f + hash[6] / 640f), Size * (0.3f + hash[7] / 640f), Size * (0.15f + hash[8] / 1280f), paint);
            paint.Color = new SKColor(hash[9], hash[10], hash[11], 160);
            canvas.DrawRect(Size * 0.1f, Size * 0.7f, Size * (0.3f + hash[12] / 512f), Size * 0.15f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
