namespace Mmx.Grains.Accounts;

/// <summary>The delivery addresses (at most four).</summary>
public sealed partial class UserGrain
{
    public Task<AddressBook> GetAddresses() =>
        Task.FromResult(new AddressBook { Addresses = S.Addresses, DefaultId = S.DefaultAddressId });

    public async Task<Outcome<long>> AddAddress(AddressFields fields)
    {
        if (!S.Created) return Outcome<long>.Fail(Err.NotFound);
        if (S.Addresses.Length >= MaxAddresses || S.AddressesEverAdded + 1 >= AddressIdsPerUser)
            return Outcome<long>.Fail(Err.LimitReached);
        var id = AccId * AddressIdsPerUser + S.AddressesEverAdded + 1;
        var address = new Address { Id = id, Name = fields.Name, Phone = fields.Phone, Street = fields.Street, Postcode = fields.Postcode };
        state.State = S with
        {
            Addresses = S.Addresses.Add(address),
            AddressesEverAdded = S.AddressesEverAdded + 1,
            DefaultAddressId = S.Addresses.IsEmpty ? id : S.DefaultAddressId,
        };
        await state.WriteStateAsync();
        return Outcome<long>.Ok(id);
    }

    public async Task<Err> ChangeAddress(long id, AddressChange change)
    {
        var index = IndexOfAddress(id);
        if (index < 0) return Err.NotFound;
        var old = S.Addresses[index];
        var address = old with
        {
            Name = change.Name ?? old.Name,
            Phone = change.Phone ?? old.Phone,
            Street = change.Street ?? old.Street,
            Postcode = change.Postcode ?? old.Postcode,
        };
        state.State = S with { Addresses = S.Addresses.SetItem(index, address) };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> RemoveAddress(long id)
    {
        if (!S.Addresses.Any(a => a.Id == id)) return Err.NotFound;
        // The spec leaves choosing the next default to the client (/user/address/default).
        state.State = S with
        {
            Addresses = S.Addresses.RemoveAll(a => a.Id == id),
            DefaultAddressId = S.DefaultAddressId == id ? 0 : S.DefaultAddressId,
        };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> SetDefaultAddress(long id)
    {
        if (!S.Addresses.Any(a => a.Id == id)) return Err.NotFound;
        if (S.DefaultAddressId == id) return Err.Ok;
        state.State = S with { DefaultAddressId = id };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    private int IndexOfAddress(long id)
    {
        for (var i = 0; i < S.Addresses.Length; i++)
        {
            if (S.Addresses[i].Id == id) return i;
        }
        return -1;
    }
}
