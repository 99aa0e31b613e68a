namespace Mmx.Api.Validation;

/// <summary>An id given in a JSON body: present and positive, else err 1 naming the field.</summary>
public static class BodyId
{
    public static long Required(long? id, string field) =>
        id is > 0 ? id.Value : throw ApiException.BadRequest($"{field} must be a positive integer");
}
