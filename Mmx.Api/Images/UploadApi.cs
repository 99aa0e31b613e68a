using System.Security.Cryptography;
using Mmx.Api.Lookups;
using Mmx.Api.Operations;
using Mmx.Grains.Images;

namespace Mmx.Api.Images;

/// <summary>
/// POST or PUT /file/uploader (and /chat/file): the chat host's uploader, where the apps send a
/// photo (a portrait, a chat picture) or a voice clip as multipart/form-data before they use its
/// URL. The caller is a session (bearer, cookie, <c>?token=</c>), the chat socket's <c>u</c>/<c>p</c>,
/// or a merchant session (the portal's shop and goods pictures).
/// The file is the part named <c>file</c> (the contract), else <c>uploadFile</c> (the iOS app),
/// else the first file part. A picture is sniffed by its bytes (PNG, JPEG, GIF, WebP; at most
/// 5 MB) and encoded anew (<see cref="UploadCleaner"/>), a voice clip (MP3, AMR, AAC, M4A; at most
/// 1 MB) kept; both count against the account's daily image allowance (err 6) and are served
/// under /img/ by every front.
/// </summary>
public static class UploadApi
{
    public const int MaxPictureBytes = 5 * 1024 * 1024;
    public const int MaxVoiceBytes = 1024 * 1024;
    // Room for a picture just over the limit to reach the check below and get its err 1.
    private const int MaxRequestBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapUploadApi(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { "/file/uploader", "/chat/file" })
        {
            app.MapMethods(path, [HttpMethods.Post, HttpMethods.Put], Upload).WithTags("Images")
                .WithSummary("Upload a picture or voice clip (multipart, field file); answers its url, content_type and md5")
                // Multipart, read by hand (the apps' form parts), and left out of the JSON API's document.
                .ExcludeFromDescription()
                .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
                .RequireRateLimiting(RateLimits.Bulk);
        }
        return app;
    }

    private static async Task<UploadReply> Upload(HttpContext context, IGrainFactory grains, KnownIds known, IImageStore store, ImageSettings settings)
    {
        // A merchant's portal uploads shop and goods pictures under its merchant session.
        var quotaKey = MerchantSessions.TokenOf(context.Request) is not null
            ? IImageQuotaGrain.MerchantKey(await MerchantSessions.ShopOf(context))
            : await ChatIdentity.Caller(context, grains, known);
        if (!context.Request.HasFormContentType) throw ApiException.BadRequest("send the file as multipart/form-data");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("file") ?? form.Files.GetFile("uploadFile") ?? form.Files.FirstOrDefault()
            ?? throw ApiException.BadRequest("no file in the form (field file)");
        if (file.Length > MaxPictureBytes) throw ApiException.BadRequest($"a picture is at most {MaxPictureBytes / 1024 / 1024} MB");
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, context.RequestAborted);

        byte[] stored;
        ImageKind kind;
        if (ImageKind.Sniff(bytes) is { } picture) (stored, kind) = UploadCleaner.Picture(bytes, picture);
        else if (ImageKind.SniffVoice(bytes) is { } voice)
        {
            if (bytes.Length > MaxVoiceBytes) throw ApiException.BadRequest($"a voice clip is at most {MaxVoiceBytes / 1024 / 1024} MB");
            (stored, kind) = (UploadCleaner.Voice(bytes, voice), voice);
        }
        else throw ApiException.BadRequest("the file is neither a picture (PNG, JPEG, GIF, WebP) nor a voice clip (MP3, AMR, AAC, M4A)");

        if (await grains.GetGrain<IImageQuotaGrain>(quotaKey).TryUse(stored.Length, settings.UserBytesPerDay) is not Err.Ok and var refused)
            throw new ApiException(refused, "your image allowance for today is used up");
        var name = await store.Save(stored, kind, context.RequestAborted);
        return new(Err.Ok, StoredImages.UrlOf(context.Request, name), kind.ContentType, Convert.ToHexStringLower(MD5.HashData(stored)));
    }
}
