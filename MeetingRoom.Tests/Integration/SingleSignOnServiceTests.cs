using System.Security.Claims;
using MeetingRoom.Domain.Members;
using MeetingRoom.Tests.Browser;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Features.Members.Sso;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingRoom.Tests.Integration;

/// <summary>
/// The app with single sign-on configured as a company would: admins are the provider's group
/// <see cref="AdminGroup"/>, people of <see cref="AllowedDomain"/> (and <see cref="OtherAllowedDomain"/>) may sign in.
/// The provider itself is never contacted (its address answers nothing): the tests hand the service what the handler
/// would have put in the external cookie. Warnings and errors are kept in <see cref="Log"/>.
/// </summary>
public class SsoFactory : MeetingRoomFactory
{
    public const string AdminGroup = "mr-admins";
    public const string AllowedDomain = "contoso.test";
    public const string OtherAllowedDomain = "contoso-labs.test";

    public ServerLog Log { get; } = new();

    /// <summary>A provider address nothing listens on.</summary>
    public string Authority { get; } = $"http://127.0.0.1:{LoopbackPort.Free()}";

    /// <summary>Extra settings of a derived fixture.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:Oidc:Authority", Authority);
        builder.UseSetting("Auth:Oidc:ClientId", "meetingroom");
        builder.UseSetting("Auth:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Auth:Oidc:DisplayName", "Sign in with Contoso");
        builder.UseSetting("Auth:Oidc:AdminGroups:0", AdminGroup);
        builder.UseSetting("Auth:Oidc:AllowedDomains:0", AllowedDomain);
        builder.UseSetting("Auth:Oidc:AllowedDomains:1", OtherAllowedDomain);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Log));
    }
}

/// <summary>
/// Issue 20's single sign-on rules, through <see cref="SingleSignOnService"/> with hand-made external principals (what
/// the OpenID Connect handler puts in Identity's external cookie): just-in-time members, linking, invited → active, the
/// refusals (unverified email, domain, deactivated, another account) with nothing written, the admin group at every
/// sign-in, the provider's locale as the member's language.
/// </summary>
public sealed class SingleSignOnServiceTests(SsoFactory app) : IClassFixture<SsoFactory>
{
    /// <summary>What a provider says about a person (null: the claim is absent).</summary>
    private sealed record Person(string Sub, string? Email, string? EmailVerified = "true", string? Name = "Casey Kim",
        string? Locale = null, string[]? Groups = null, string? EntraDomainVerified = null)
    {
        public ExternalLoginInfo LoginInfo()
        {
            var claims = new List<Claim> { new("sub", Sub) };
            void Add(string type, string? value) { if (value is not null) claims.Add(new Claim(type, value)); }
            Add("email", Email);
            Add("email_verified", EmailVerified);
            Add("name", Name);
            Add("locale", Locale);
            Add("xms_edov", EntraDomainVerified);
            foreach (var group in Groups ?? []) claims.Add(new Claim("groups", group));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc", "name", "role"));
            return new ExternalLoginInfo(principal, SingleSignOnSetup.Scheme, Sub, "Contoso");
        }
    }

    private static Person NewPerson(string domain = SsoFactory.AllowedDomain)
    {
        var n = Guid.NewGuid().ToString("N")[..10];
        return new Person($"sub-{n}", $"person.{n}@{domain}");
    }

    /// <summary>Runs the service as the callback does; signedIn: the response sets the pages' sign-in cookie.</summary>
    private async Task<(SignOnResult Result, bool SignedIn)> SignOnAsync(Person person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().Context = http;
        var result = await scope.ServiceProvider.GetRequiredService<SingleSignOnService>().SignInAsync(person.LoginInfo());
        var signedIn = http.Response.Headers.SetCookie.Any(c => c!.StartsWith("MeetingRoom.Auth=", StringComparison.Ordinal));
        return (result, signedIn);
    }

    private sealed record Stored(AppUser User, IList<string> Roles, IList<UserLoginInfo> Logins, string? Language);

    /// <summary>The member(s) with <paramref name="email"/> as stored.</summary>
    private async Task<List<Stored>> MembersAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var normalized = users.NormalizeEmail(email);
        var found = new List<Stored>();
        foreach (var user in await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync())
            found.Add(new Stored(user, await users.GetRolesAsync(user), await users.GetLoginsAsync(user),
                await db.MemberPreferences.Where(p => p.MemberId == user.Id).Select(p => p.Language).FirstOrDefaultAsync()));
        return found;
    }

    private async Task<AppUser> LocalAccountAsync(string email, MemberStatus status = MemberStatus.Active, bool admin = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await UserAccounts.EnsureAsync(users, email, "Local Person", MeetingRoomFactory.Password,
            admin ? [Roles.Admin, Roles.Member] : [Roles.Member], resetPassword: false);
        var user = (await users.FindByEmailAsync(email))!;
        user.Status = status;
        await users.UpdateAsync(user);
        return user;
    }

    [Fact]
    public async Task A_first_sign_in_creates_an_active_member_with_the_provider_name_and_signs_them_in()
    {
        var person = NewPerson() with { Name = "Casey Kim" };

        var (result, signedIn) = await SignOnAsync(person);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(signedIn);
        var member = Assert.Single(await MembersAsync(person.Email!));
        Assert.Equal("Casey Kim", member.User.DisplayName);
        Assert.Equal(MemberStatus.Active, member.User.Status);
        Assert.True(member.User.EmailConfirmed);
        Assert.Equal([Roles.Member], member.Roles);
        Assert.Equal(person.Sub, Assert.Single(member.Logins).ProviderKey);
    }

    [Fact]
    public async Task The_next_sign_in_finds_the_member_by_the_provider_account_even_when_the_email_changed()
    {
        var person = NewPerson();
        var first = (await SignOnAsync(person)).Result.Member!;

        var (result, _) = await SignOnAsync(person with { Email = "renamed." + person.Email });

        Assert.Equal(first.Id, result.Member?.Id);
    }

    [Fact]
    public async Task Two_first_sign_ins_at_once_make_one_member()
    {
        // Ten people, each signing in for the first time in two tabs at once, all together: the second tab's write may meet the
        // first's member in the unique index (first still committing) or in Identity's own checks (first already committed).
        var people = Enumerable.Range(0, 10).Select(_ => NewPerson()).ToList();

        var results = await Task.WhenAll(people.SelectMany(p => new[] { SignOnAsync(p), SignOnAsync(p) }));

        Assert.All(results, r => Assert.True(r.Result.Succeeded, r.Result.Error));
        foreach (var person in people) Assert.Single(await MembersAsync(person.Email!));
    }

    [Theory]
    [InlineData("ko-KR", "ko")]
    [InlineData("en", "en")]
    [InlineData("fr-FR", null)]
    public async Task The_provider_locale_becomes_the_new_member_language_when_the_site_speaks_it(string locale, string? language)
    {
        var person = NewPerson() with { Locale = locale };

        await SignOnAsync(person);

        Assert.Equal(language, Assert.Single(await MembersAsync(person.Email!)).Language);
    }

    [Fact]
    public async Task An_existing_local_account_with_the_verified_email_is_linked_not_duplicated()
    {
        var person = NewPerson();
        var local = await LocalAccountAsync(person.Email!.ToUpperInvariant());

        var (result, signedIn) = await SignOnAsync(person);

        Assert.True(signedIn);
        Assert.Equal(local.Id, result.Member?.Id);
        var member = Assert.Single(await MembersAsync(person.Email));
        Assert.Equal(person.Sub, Assert.Single(member.Logins).ProviderKey);
        Assert.NotNull(member.User.PasswordHash); // the password still works too
    }

    [Fact]
    public async Task An_invited_member_becomes_active_at_the_first_sign_in()
    {
        var person = NewPerson();
        await LocalAccountAsync(person.Email!, MemberStatus.Invited);

        var (result, signedIn) = await SignOnAsync(person);

        Assert.True(result.Succeeded && signedIn, result.Error);
        Assert.Equal(MemberStatus.Active, Assert.Single(await MembersAsync(person.Email)).User.Status);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData(null, false)] // no email_verified at all (and no Entra ID claim)
    [InlineData("true", true)] // email_verified true, but no email
    public async Task An_unverified_or_missing_email_is_refused_and_nothing_is_written(string? verified, bool withoutEmail)
    {
        var person = NewPerson() with { EmailVerified = verified };
        if (withoutEmail) person = person with { Email = null };
        var members = await MemberCountAsync();

        var (result, signedIn) = await SignOnAsync(person);

        Assert.Equal(SignOnErrors.UnverifiedEmail, result.Error);
        Assert.False(signedIn);
        Assert.Equal(members, await MemberCountAsync());
    }

    private async Task<int> MemberCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }

    [Fact]
    public async Task Entra_ID_domain_verification_counts_when_the_provider_sends_no_email_verified()
    {
        var person = NewPerson() with { EmailVerified = null, EntraDomainVerified = "true" };

        var (result, _) = await SignOnAsync(person);

        Assert.True(result.Succeeded, result.Error);
    }

    [Fact]
    public async Task An_email_verified_false_is_not_overruled_by_Entra_ID_domain_verification()
    {
        var (result, _) = await SignOnAsync(NewPerson() with { EmailVerified = "false", EntraDomainVerified = "true" });

        Assert.Equal(SignOnErrors.UnverifiedEmail, result.Error);
    }

    [Fact]
    public async Task A_domain_not_allowed_is_refused_and_nothing_is_written()
    {
        var person = NewPerson("fabrikam.test");

        var (result, signedIn) = await SignOnAsync(person);

        Assert.Equal(SignOnErrors.DomainNotAllowed, result.Error);
        Assert.False(signedIn);
        Assert.Empty(await MembersAsync(person.Email!));
    }

    [Fact]
    public async Task A_subdomain_of_an_allowed_domain_is_another_domain()
    {
        var (result, _) = await SignOnAsync(NewPerson("eu." + SsoFactory.AllowedDomain));

        Assert.Equal(SignOnErrors.DomainNotAllowed, result.Error);
    }

    [Fact]
    public async Task A_deactivated_member_is_refused_and_not_signed_in()
    {
        var person = NewPerson();
        await SignOnAsync(person);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(person.Email!))!;
            user.Status = MemberStatus.Deactivated;
            await users.UpdateAsync(user);
        }

        var (result, signedIn) = await SignOnAsync(person with { Groups = [SsoFactory.AdminGroup] });

        Assert.Equal(SignOnErrors.AccountDeactivated, result.Error);
        Assert.False(signedIn);
        var member = Assert.Single(await MembersAsync(person.Email!));
        Assert.Equal(MemberStatus.Deactivated, member.User.Status);
        Assert.DoesNotContain(Roles.Admin, member.Roles); // nothing written for a refused member
    }

    [Fact]
    public async Task A_deactivated_local_account_is_not_linked()
    {
        var person = NewPerson();
        await LocalAccountAsync(person.Email!, MemberStatus.Deactivated);

        var (result, _) = await SignOnAsync(person);

        Assert.Equal(SignOnErrors.AccountDeactivated, result.Error);
        Assert.Empty(Assert.Single(await MembersAsync(person.Email)).Logins);
    }

    [Fact]
    public async Task An_email_of_a_member_linked_to_another_provider_account_is_refused()
    {
        var person = NewPerson();
        await SignOnAsync(person);

        var (result, signedIn) = await SignOnAsync(person with { Sub = "someone-else-" + person.Sub });

        Assert.Equal(SignOnErrors.LinkedToAnotherAccount, result.Error);
        Assert.False(signedIn);
        Assert.Single(Assert.Single(await MembersAsync(person.Email!)).Logins);
    }

    [Fact]
    public async Task The_admin_group_makes_an_admin_and_leaving_it_removes_the_role_at_the_next_sign_in()
    {
        await LocalAccountAsync($"admin.{Guid.NewGuid():N}@contoso.test", admin: true); // not the last active admin
        var person = NewPerson() with { Groups = ["engineering", SsoFactory.AdminGroup.ToUpperInvariant()] };

        await SignOnAsync(person);
        Assert.Contains(Roles.Admin, Assert.Single(await MembersAsync(person.Email!)).Roles);

        await SignOnAsync(person with { Groups = ["engineering"] });
        Assert.Equal([Roles.Member], Assert.Single(await MembersAsync(person.Email!)).Roles);
    }

    [Fact]
    public async Task The_last_active_admin_keeps_the_role_when_the_provider_removes_them_from_the_group()
    {
        var person = NewPerson() with { Groups = [SsoFactory.AdminGroup] };
        await SignOnAsync(person);
        await DemoteEveryOtherAdminAsync(person.Email!);

        var (result, _) = await SignOnAsync(person with { Groups = [] });

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(Roles.Admin, Assert.Single(await MembersAsync(person.Email!)).Roles);
        Assert.Contains(app.Log.Entries, e => e.StartsWith("Warning") && e.Contains("stays Admin"));
    }

    [Fact]
    public async Task Nothing_is_logged_as_an_error_for_refused_sign_ons()
    {
        await SignOnAsync(NewPerson("fabrikam.test"));
        await SignOnAsync(NewPerson() with { EmailVerified = "false" });

        Assert.DoesNotContain(app.Log.Entries, e => e.StartsWith("Error") || e.StartsWith("Critical"));
    }

    /// <summary>Takes the Admin role from every active admin but <paramref name="email"/> (deactivating them would do too).</summary>
    private async Task DemoteEveryOtherAdminAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
            if (!string.Equals(admin.Email, email, StringComparison.OrdinalIgnoreCase))
                await users.RemoveFromRoleAsync(admin, Roles.Admin);
    }
}
