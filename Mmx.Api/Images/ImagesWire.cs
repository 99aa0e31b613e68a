using System.Text.Json.Serialization;

namespace Mmx.Api.Images;

/// <summary>imgupload and quickmodifyimg (v2): where the image is now.</summary>
public sealed record ImageUrlReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess, string Url);

/// <summary>quickmodifyimg's PUT body (the web client's form).</summary>
public sealed record QuickModifyRequest([property: JsonPropertyName("user_id")] long? UserId, string? Url);

/// <summary>/file/uploader and /chat/file: where the upload is served, its type (the chat's mtype) and the MD5 of the stored bytes.</summary>
public sealed record UploadReply(Err Err, string Url, [property: JsonPropertyName("content_type")] string ContentType, string Md5);
