using System.Text.Json.Serialization;
using MeetingRoom.Web.Components.Shared;
using MeetingRoom.Web.Infrastructure.Identity;
using MeetingRoom.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Features.Schedule;

/// <summary>Marks the board page: open to anyone unless <c>Board:RequireSignIn</c> (then members only, like other member pages).</summary>
public sealed class BoardPageAttribute : AuthorizeAttribute
{
    public const string PolicyName = "board-page";
    public BoardPageAttribute() => Policy = PolicyName;
}
