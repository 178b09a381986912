using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Members.Invitations;
using MeetingRoom.Web.Infrastructure.Http;
using MeetingRoom.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>One line of the file as read (texts cut to 320 characters) and what is wrong with it (empty: it can be imported).</summary>
public sealed record MemberImportLine(int Line, string Email, string Name, string Role, IReadOnlyList<MemberImportError> Errors);
