using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>/user/address (GET list, PUT add, POST change, DELETE remove) and /user/address/default.</summary>
public static class AddressApi
{
    public static IEndpointRouteBuilder MapAddressApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user/address").WithTags("Addresses").RequireSession();
        user.MapGet("", List).WithSummary("The user's delivery addresses (at most four)");
        user.MapPut("", Add).WithSummary("Add an address; the first becomes the default");
        user.MapPost("", Change).WithSummary("Change an address");
        user.MapDelete("", Remove).WithSummary("Remove an address (the client then picks a new default)");
        user.MapPost("/default", SetDefault).WithSummary("Make an address the default");
        return app;
    }


    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var book = await grains.Own<IUserGrain>(context).GetAddresses();
        return Results.Json(new
        {
            err = Err.Ok,
            addressList = book.Addresses.Select(a => new
            {
                addrID = a.Id,
                a.Name,
                a.Phone,
                address = a.Street,
                a.Postcode,
                @default = a.Id == book.DefaultId ? 1 : 0,
            }),
        });
    }

    private static async Task<IResult> Add(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressRequest>(context.Request);
        var added = await grains.Own<IUserGrain>(context).AddAddress(Fields(body));
        if (added.Err != Err.Ok) return ApiResults.Err(added.Err);
        return Results.Json(new { err = Err.Ok, addrID = added.Value });
    }

    private static async Task<IResult> Change(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressRequest>(context.Request);
        var id = AddressId(body.AddrID);
        return ApiResults.Err(await grains.Own<IUserGrain>(context).UpdateAddress(id, Fields(body)));
    }

    private static async Task<IResult> Remove(HttpContext context, IGrainFactory grains)
    {
        // The spec sends {"addrID": n} as the DELETE body; ?addrID=n is accepted too.
        var id = context.Request.Query.ContainsKey("addrID")
            ? context.Request.Query.RequiredId("addrID")
            : AddressId((await JsonBody.Read<AddressIdRequest>(context.Request)).AddrID);
        return ApiResults.Err(await grains.Own<IUserGrain>(context).RemoveAddress(id));
    }

    private static async Task<IResult> SetDefault(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressIdRequest>(context.Request);
        return ApiResults.Err(await grains.Own<IUserGrain>(context).SetDefaultAddress(AddressId(body.AddrID)));
    }

    private static long AddressId(long? id) => id is > 0 ? id.Value : throw ApiException.BadRequest("addrID must be a positive integer");

    private static AddressFields Fields(AddressRequest body) => new()
    {
        Name = Text.SingleLine(body.Name?.Trim(), "name", 1, 32),
        Phone = Phone.Required(body.Phone),
        Street = Text.SingleLine(body.Address?.Trim(), "address", 1, 128),
        Postcode = body.Postcode is { Length: 6 } p && p.All(char.IsAsciiDigit) ? p : throw ApiException.BadRequest("postcode must be 6 digits"),
    };
}
