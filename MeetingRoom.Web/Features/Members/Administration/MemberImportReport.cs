using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>
/// The import's report: every line with its errors, how many lines are valid and invalid, and — after a real import —
/// the invitations sent (with their links when no SMTP server is configured). <see cref="DryRun"/>: nothing was written.
/// </summary>
public sealed record MemberImportReport(IReadOnlyList<MemberImportLine> Lines, int Valid, int Invalid, bool DryRun,
    IReadOnlyList<InvitationSent> Invited);
