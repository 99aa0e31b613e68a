namespace Mmx.Api.Operations.OpenApi;

/// <summary>
/// operationIds made from the method and the path, so that every route has one and a generated
/// client's method names follow the spec's routes: GET /user/shop/search is getUserShopSearch,
/// GET /userweb/shopgoods/{ids} is getUserwebShopgoodsByIds.
/// </summary>
public static class OperationIds
{
    public static string For(string method, string path)
    {
        var name = new System.Text.StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0]) : Pascal(segment);
            name.Append(word);
        }
        return name.ToString();
    }

    private static string Pascal(string word)
    {
        var parts = word.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
