using MeetingRoom.Domain.Common;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Notifications.Email;

/// <summary><c>enabled</c>: the member gets email; <c>available</c>: the site sends email at all (<c>Smtp:Host</c> set).</summary>
public sealed record EmailPreferencesDto(bool Enabled, bool Available);

/// <summary><c>PUT /api/me/email-preferences</c> body.</summary>
public sealed record EmailPreferencesRequest(bool? Enabled);

/// <summary>A member turning email off (or on again) for themselves.</summary>
public sealed class EmailPreferencesService(AppDbContext db, IOptions<SmtpOptions> smtp)
{
    public async Task<EmailPreferencesDto> GetAsync(Actor who, CancellationToken ct = default)
    {
        var off = await db.MemberPreferences.AsNoTracking().Where(p => p.MemberId == who.Id.Value).Select(p => p.EmailOff).FirstOrDefaultAsync(ct);
        return new(!off, smtp.Value.Enabled);
    }

    /// <summary>Problem: invalid-input (no <c>enabled</c>).</summary>
    public async Task<AppResult<EmailPreferencesDto>> SetAsync(Actor who, EmailPreferencesRequest request, CancellationToken ct = default)
    {
        if (request.Enabled is not { } enabled) return AppProblem.Invalid("enabled", ProblemText.Get("SayTrueOrFalse"));
        for (var attempt = 0; ; attempt++)
        {
            var prefs = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == who.Id.Value, ct);
            if (prefs is null) db.MemberPreferences.Add(prefs = new MemberPreferences { MemberId = who.Id.Value });
            prefs.EmailOff = !enabled;
            try
            {
                await db.SaveChangesAsync(ct);
                return new EmailPreferencesDto(enabled, smtp.Value.Enabled);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
