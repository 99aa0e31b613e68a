using System.Net;

namespace Mmx.Tests.Operations;

/// <summary>
/// The Orleans Dashboard in the embedded default: nothing without the admin key (its live log
/// stream included), the X-Admin-Key header for scripts, a sign-in form and cookie for browsers.
/// </summary>
public sealed class DashboardAccessTests(DashboardAccessTests.Api api) : IClassFixture<DashboardAccessTests.Api>
{
    public sealed class Api() : ApiFactory(settings: DashboardOn);

    private HttpClient Browser() => api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/Trace")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/Reminders")]
    public async Task Without_the_key_every_dashboard_route_is_refused(string url)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(3, (int)(await ApiFactory.ReadJson(response))["err"]!);
    }

    [Fact]
    public async Task A_browser_is_sent_to_the_sign_in_and_a_wrong_key_gets_no_cookie()
    {
        using var browser = Browser();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        page.Headers.Accept.ParseAdd("text/html");
        using var redirected = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/dashboard/signin", redirected.Headers.Location?.OriginalString);
        Assert.Contains("name=\"key\"", await browser.GetStringAsync("/dashboard/signin"));

        using var wrong = await browser.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("key", "not-the-key")]));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        using var still = await browser.GetAsync("/dashboard/ClusterStats");
        Assert.Equal(3, (int)(await ApiFactory.ReadJson(still))["err"]!);
    }

    [Fact]
    public async Task Signing_in_with_the_key_sets_a_strict_http_only_cookie_that_opens_the_dashboard()
    {
        using var browser = Browser();
        using var signedIn = await browser.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("key", ApiFactory.AdminKey)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ApiFactory.AdminKey, cookie);

        using var page = await browser.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // A forged cookie (another expiry under the same signature) opens nothing.
        using var forger = api.CreateClient(new() { HandleCookies = false });
        var value = cookie.Split(';')[0].Split('=', 2)[1];
        var parts = value.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2]}.{long.Parse(parts[3]) - 1}.{parts[4]}";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/ClusterStats");
        request.Headers.Add("Cookie", $"mmx_dashboard={forged}");
        using var refused = await forger.SendAsync(request);
        Assert.Equal(3, (int)(await ApiFactory.ReadJson(refused))["err"]!);
    }

    [Theory]
    [InlineData("/dashboard/HistoricalStats/not-a-silo")]
    [InlineData("/dashboard/SiloProperties/not-a-silo")]
    [InlineData("/dashboard/SiloCounters/not-a-silo")]
    public async Task A_dashboard_view_that_faults_answers_a_short_error_and_no_500(string url)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await ApiFactory.ReadJson(response);
        Assert.Equal(99, (int)body["err"]!);
        Assert.DoesNotContain("   at ", body.ToJsonString());
    }

    [Fact]
    public async Task With_the_header_scripts_read_the_dashboards_data()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        using var stats = await client.GetAsync("/dashboard/ClusterStats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }
}
