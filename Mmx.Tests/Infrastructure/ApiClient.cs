using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Infrastructure;

/// <summary>A client of one API front that speaks the contract: JSON bodies, answers with err, an optional session token.</summary>
public sealed class ApiClient(HttpClient http, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null, string? adminKey = ApiFactory.AdminKey)
{
    public HttpClient Http { get; } = http;
    public string? Token { get; set; }

    public Task<JsonNode> Get(string url) => Send(HttpMethod.Get, url, null);
    public Task<JsonNode> Post(string url, object? body = null) => Send(HttpMethod.Post, url, body);
    public Task<JsonNode> Put(string url, object? body = null) => Send(HttpMethod.Put, url, body);
    public Task<JsonNode> Delete(string url, object? body = null) => Send(HttpMethod.Delete, url, body);

    public async Task<JsonNode> Send(HttpMethod method, string url, object? body, bool admin = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (admin && adminKey is not null) request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await Http.SendAsync(request);
        return await ApiFactory.ReadJson(response);
    }

    /// <summary>
    /// A request as a real client builds it: the body as literal JSON text (null: none) and its own
    /// headers (a User-Agent, an Origin). Answers the response, for its status and headers too.
    /// </summary>
    public async Task<HttpResponseMessage> SendLiteral(HttpMethod method, string url, string? json, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Http.SendAsync(request);
    }

    /// <summary><see cref="SendLiteral"/>, answering the JSON body.</summary>
    public async Task<JsonNode> Literal(HttpMethod method, string url, string? json, params (string Name, string Value)[] headers)
    {
        using var response = await SendLiteral(method, url, json, headers);
        return await ApiFactory.ReadJson(response);
    }

    public async Task<string> ReadCodeFromOutbox(string phone)
    {
        var outbox = await Send(HttpMethod.Get, $"/admin/sms?phone={phone}", null, admin: true);
        Assert.Equal(0, (int)outbox["err"]!);
        return (string)outbox["messages"]![0]!["code"]!;
    }

    /// <summary>gencode, read the code as an operator, vercode. Answers the ticket (the client's cookie jar keeps it too).</summary>
    public async Task<string> VerifyPhone(string phone)
    {
        // Past the 60 s resend limit of an earlier code, where the front's clock is a test's.
        clock?.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
        Assert.Equal(0, (int)(await Post("/user/gencode", new { phone }))["err"]!);
        var code = await ReadCodeFromOutbox(phone);
        var verified = await Post("/user/vercode", new { phone, code });
        Assert.Equal(0, (int)verified["err"]!);
        return (string)verified["ticket"]!;
    }

    /// <summary>Verifies the phone and registers; keeps the session token. Answers the accID.</summary>
    public async Task<long> SignUp(string phone, string password = "secret-pass-1")
    {
        await VerifyPhone(phone);
        var registered = await Post("/user/register", new { phone, password });
        Assert.Equal(0, (int)registered["err"]!);
        Token = (string)registered["token"]!;
        return (long)registered["accID"]!;
    }

    public async Task<JsonNode> LogIn(string phone, string password = "secret-pass-1", string dev = "IMEI-1")
    {
        var answer = await Post("/user/login", new { mode = 2, type = 4, phone, password, dev });
        if ((int)answer["err"]! == 0) Token = (string)answer["token"]!;
        return answer;
    }
}
