using System.Security.Cryptography;

namespace Mmx.Api.Images;

/// <summary>
/// Where fetched images live. Names are content addresses (<c>{sha256}.{ext}</c>): storing the
/// same image twice gives the same name, and a name's bytes never change, so they cache forever.
/// Another store (object storage) plugs in by registering its own implementation.
/// </summary>
public interface IImageStore
{
    /// <summary>Stores the image and answers its name.</summary>
    Task<string> Save(byte[] bytes, ImageKind kind, CancellationToken cancellation);

    /// <summary>The image of that name, or null.</summary>
    Task<Stream?> Open(string name, CancellationToken cancellation);

    public static string NameOf(byte[] bytes, ImageKind kind) => $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}.{kind.Extension}";

    /// <summary>A name this store could have given (and nothing that walks out of it).</summary>
    public static bool IsValidName(string name) =>
        name.Length > 65 && name[64] == '.' && name[..64].All(char.IsAsciiHexDigitLower)
        && ImageKind.OfExtension(name[65..]) is not null;
}
