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

/// <summary>
/// The default store: one folder (<c>Mmx:Images:Folder</c>, default <c>.data/images</c> under the
/// working directory). Writes go to a temporary file first and are renamed into place, so a crash
/// never leaves half an image under a real name. Several API fronts share it through a volume.
/// </summary>
public sealed class FolderImageStore : IImageStore
{
    private readonly string _folder;

    public FolderImageStore(IConfiguration configuration, ILogger<FolderImageStore> logger)
    {
        _folder = Path.GetFullPath(configuration["Mmx:Images:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(".data", "images"));
        Directory.CreateDirectory(_folder);
        logger.LogInformation("Images are stored in {Folder}", _folder);
    }

    public async Task<string> Save(byte[] bytes, ImageKind kind, CancellationToken cancellation)
    {
        var name = IImageStore.NameOf(bytes, kind);
        var path = Path.Combine(_folder, name);
        if (File.Exists(path)) return name;
        var temporary = Path.Combine(_folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellation);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return name;
    }

    public Task<Stream?> Open(string name, CancellationToken cancellation)
    {
        if (!IImageStore.IsValidName(name)) return Task.FromResult<Stream?>(null);
        var path = Path.Combine(_folder, name);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }
}
