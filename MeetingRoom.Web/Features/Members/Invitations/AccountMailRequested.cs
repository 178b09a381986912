using System.Globalization;
using System.Security.Cryptography;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Members;
using MeetingRoom.Web.Features.Notifications.Email;
using MeetingRoom.Web.Infrastructure.Persistence;
using MeetingRoom.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Members.Invitations;

/// <summary>
/// An account mail to send (an invitation, a password-reset link): written to the outbox with <c>db.AddToOutbox</c> in
/// the transaction of the change it belongs to, and turned into an <see cref="EmailMessage"/> by the "email" outbox
/// handler (<see cref="EmailProjection"/> → <see cref="AccountMailWriter"/>), which <see cref="EmailDelivery"/> sends.
/// <paramref name="ProtectedLink"/> is the link encrypted with the app's data-protection keys, so the outbox row holds no
/// usable link. <paramref name="InvitedBy"/>: the inviting admin's name (invitations).
/// </summary>
public sealed record AccountMailRequested(string MemberId, AccountMailKind Kind, string ProtectedLink, string? InvitedBy, DateTimeOffset OccurredAt)
    : IDomainEvent;
