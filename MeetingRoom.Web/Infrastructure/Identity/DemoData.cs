using System.Security.Cryptography;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// Development demo data: admin@demo.local, member1…memberN@demo.local, 3 floors × 4 rooms, and Korean as the
/// site's default language.
/// No password is in code or committed configuration (see <see cref="DemoOptions.Password"/>).
/// </summary>
public static class DemoData
{
    public const string AdminEmail = "admin@demo.local";

    /// <summary>The demo site's default language (a site setting admins can change).</summary>
    public const string DemoLanguage = "ko";
    public static string MemberEmail(int n) => $"member{n}@demo.local";

    private static readonly string[] MemberNames =
    [
        "Minji Kim", "Jisoo Park", "Daniel Lee", "Sora Choi", "Hyunwoo Jung",
        "Emma Schmidt", "Lucas Martin", "Yuna Kang", "Noah Cho", "Mia Yoon",
    ];

    private static readonly (string Name, int Floor, int Capacity, string[] Equipment, bool Approval)[] Rooms =
    [
        ("Harbor", 1, 4, ["Whiteboard", "TV screen"], false),
        ("Lighthouse", 1, 6, ["Whiteboard", "Video conferencing"], false),
        ("Summit", 1, 10, ["Projector", "Whiteboard", "Video conferencing"], false),
        ("Boardroom", 1, 16, ["Projector", "Video conferencing", "Speakerphone"], true),
        ("Maple", 2, 4, ["Whiteboard"], false),
        ("Birch", 2, 6, ["TV screen", "Whiteboard"], false),
        ("Cedar", 2, 8, ["Projector", "Whiteboard"], false),
        ("Willow", 2, 12, ["Projector", "Video conferencing"], false),
        ("Ada", 3, 2, ["TV screen"], false),
        ("Turing", 3, 6, ["Whiteboard", "Video conferencing"], false),
        ("Hopper", 3, 8, ["Projector", "Whiteboard"], false),
        ("Lovelace", 3, 20, ["Projector", "Video conferencing", "Speakerphone", "Whiteboard"], true),
    ];

    public static async Task SeedAsync(IServiceProvider services, DemoOptions options, ILogger logger, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var password = options.Password;
        var generated = false;
        if (string.IsNullOrWhiteSpace(password))
        {
            password = GeneratePassword();
            generated = true;
        }

        var created = 0;
        created += await UserAccounts.EnsureAsync(users, AdminEmail, "Admin", password, [Roles.Admin, Roles.Member], !generated) ? 1 : 0;
        for (var i = 1; i <= options.Members; i++)
            created += await UserAccounts.EnsureAsync(users, MemberEmail(i), MemberNames[(i - 1) % MemberNames.Length], password, [Roles.Member], !generated) ? 1 : 0;

        if (generated && created > 0)
            logger.LogWarning("Demo accounts created ({Admin}, {First} … {Last}) with the generated password: {Password}  " +
                              "(shown once; set Demo__Password to choose one)", AdminEmail, MemberEmail(1), MemberEmail(options.Members), password);

        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Rooms.AnyAsync(ct))
        {
            db.Rooms.AddRange(Rooms.Select(r => Room.Register(r.Name, r.Floor, r.Capacity, r.Equipment.Select(e => new EquipmentItem(e)), r.Approval, services.GetRequiredService<TimeProvider>().GetUtcNow())));
            await db.SaveChangesAsync(ct);
        }

        // The demo site speaks Korean by default (its people read Korean first), until an admin saves a setting.
        if (await db.SiteSettings.FirstOrDefaultAsync(ct) is { Version: 0 } settings && settings.DefaultLanguage != DemoLanguage)
        {
            settings.DefaultLanguage = DemoLanguage;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A random password that meets Identity's default rules (upper, lower, digit, symbol, length ≥ 6).</summary>
    public static string GeneratePassword() =>
        $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}-a1";
}
