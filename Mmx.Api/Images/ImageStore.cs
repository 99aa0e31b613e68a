using System.Security.Cryptography;

namespace Mmx.Api.Images;

/// <summary>
/// The default store: one folder (<c>Mmx:Images:Folder</c>, default <c>.data/images</c> under the
/// working directory). Writes go to a temporary file first and are renamed into place, so a crash
/// never leaves half an image under a real name. Several API fronts share it through a volume.
/// It holds at most <c>Mmx:Images:MaxStoreBytes</c> (10 GiB by default): a new image beyond that
/// is err 6. The size is taken from the folder at start and counted up by this front's saves, so
/// with several fronts on one volume each sees its own saves plus what was there at its start.
/// </summary>
public sealed class FolderImageStore : IImageStore
{
    private readonly string _folder;
    private readonly long _maxBytes;
    private long _bytes;

    public FolderImageStore(ImageSettings settings, ILogger<FolderImageStore> logger)
    {
        _folder = Path.GetFullPath(settings.Folder is { Length: > 0 } folder ? folder : Path.Combine(".data", "images"));
        Directory.CreateDirectory(_folder);
        _maxBytes = settings.MaxStoreBytes;
        _bytes = new DirectoryInfo(_folder).EnumerateFiles().Sum(f => f.Length);
        logger.LogInformation("Images are stored in {Folder} ({Bytes} of {Max} bytes used)", _folder, _bytes, _maxBytes);
    }

    public async Task<string> Save(byte[] bytes, ImageKind kind, CancellationToken cancellation)
    {
        var name = IImageStore.NameOf(bytes, kind);
        var path = Path.Combine(_folder, name);
        if (File.Exists(path)) return name;
        if (Interlocked.Add(ref _bytes, bytes.Length) > _maxBytes)
        {
            Interlocked.Add(ref _bytes, -bytes.Length);
            throw new ApiException(Err.LimitReached, "the image store is full");
        }
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
