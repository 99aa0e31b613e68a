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
        user.MapPut("", Add).WithBody<AddressRequest>().WithSummary("Add an address; the first becomes the default");
        user.MapPost("", Change).WithBody<AddressRequest>().WithSummary("Change an address");
        user.MapDelete("", Remove).WithBody<AddressIdRequest>().WithQuery(QueryDocs.Id("addrID", "the address, instead of the body", required: false)).WithSummary("Remove an address (the client then picks a new default)");
        user.MapPost("/default", SetDefault).WithBody<AddressIdRequest>().WithSummary("Make an address the default");
        return app;
    }


    private static async Task<AddressListReply> List(HttpContext context, IGrainFactory grains)
    {
        var book = await grains.Own<IUserGrain>(context).GetAddresses();
        return new(Err.Ok, [.. book.Addresses.Select(a => AddressWire.Of(a, book.DefaultId))]);
    }

    private static async Task<AddressAddedReply> Add(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressRequest>(context.Request);
        return new(Err.Ok, await grains.Own<IUserGrain>(context).AddAddress(Fields(body)).OrFail("user"));
    }

    /// <summary>Changes only the fields the body gives (the shipped app sends just what was edited).</summary>
    private static async Task<OkReply> Change(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressRequest>(context.Request);
        var id = AddressId(body.AddrID);
        var change = new AddressChange
        {
            Name = body.Name is null ? null : Name(body.Name),
            Phone = body.Phone is null ? null : Phone.Required(body.Phone),
            Street = body.Address is null ? null : Street(body.Address),
            Postcode = body.Postcode is null ? null : Postcode(body.Postcode),
        };
        if (change is { Name: null, Phone: null, Street: null, Postcode: null }) throw ApiException.BadRequest("nothing to change");
        return ApiResults.Done(await grains.Own<IUserGrain>(context).ChangeAddress(id, change));
    }

    private static async Task<OkReply> Remove(HttpContext context, IGrainFactory grains)
    {
        // The spec sends {"addrID": n} as the DELETE body; ?addrID=n is accepted too.
        var id = context.Request.Query.ContainsKey("addrID")
            ? context.Request.Query.RequiredId("addrID")
            : AddressId((await JsonBody.Read<AddressIdRequest>(context.Request)).AddrID);
        return ApiResults.Done(await grains.Own<IUserGrain>(context).RemoveAddress(id));
    }

    private static async Task<OkReply> SetDefault(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<AddressIdRequest>(context.Request);
        return ApiResults.Done(await grains.Own<IUserGrain>(context).SetDefaultAddress(AddressId(body.AddrID)));
    }

    private static long AddressId(long? id) => BodyId.Required(id, "addrID");

    private static AddressFields Fields(AddressRequest body) => new()
    {
        Name = Name(body.Name),
        Phone = Phone.Required(body.Phone),
        Street = Street(body.Address),
        Postcode = Postcode(body.Postcode),
    };

    private static string Name(string? text) => Text.SingleLine(text?.Trim(), "name", 1, 32);

    private static string Street(string? text) => Text.SingleLine(text?.Trim(), "address", 1, 128);

    /// <summary>6 digits, or empty: the shipped app leaves it out ("" or no field), many addresses have none in use.</summary>
    private static string Postcode(string? text) => text?.Trim() switch
    {
        null or "" => "",
        { Length: 6 } p when p.All(char.IsAsciiDigit) => p,
        _ => throw ApiException.BadRequest("postcode must be 6 digits or empty"),
    };
}
