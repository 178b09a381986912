using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MeetingRoom.Tests.Support;

/// <summary>
/// The static server-rendered pages (sign-in, invitation, password reset) over HTTP, as a browser without script uses
/// them: a client with its own cookies that does not follow redirects, a GET that reads the form's antiforgery token,
/// and a form post naming the form (<c>_handler</c>).
/// </summary>
public static partial class PageForms
{
    /// <summary>A client with a cookie jar that shows redirects instead of following them.</summary>
    public static HttpClient BrowserClient<T>(this WebApplicationFactory<T> app) where T : class =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs <paramref name="url"/> (asserts 200) and returns its HTML.</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads the page at <paramref name="url"/>, then posts its form <paramref name="handler"/> with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string handler, IDictionary<string, string> fields)
    {
        var html = await client.GetPageAsync(url);
        var token = AntiforgeryToken().Match(html);
        // A page that shows no form (a spent link) is posted to anyway, as a second tab would: any form's token will do.
        if (!token.Success) token = AntiforgeryToken().Match(await client.GetPageAsync("/Account/Login"));
        Assert.True(token.Success, $"No antiforgery token on {url}:\n{html}");
        var form = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs <paramref name="client"/> in through the sign-in page (cookie); asserts the redirect that follows success.</summary>
    public static async Task SignInWithCookieAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitAsync("/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The path and query of the first absolute link in <paramref name="text"/> to <paramref name="path"/>.</summary>
    public static string LinkTo(string text, string path)
    {
        var match = Regex.Match(text, $@"https?://[^\s/]+(?<local>{Regex.Escape(path)}\?\S+)");
        Assert.True(match.Success, $"No link to {path} in:\n{text}");
        return match.Groups["local"].Value;
    }

    /// <summary>The value of query parameter <paramref name="name"/> in a site-relative link.</summary>
    public static string Query(string link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)[name].ToString();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
