using MeetingRoom.Web.Infrastructure.Http;
using Polly;
using Polly.Retry;

namespace MeetingRoom.Web.Components.Shared;

/// <summary>Return-URL checks for the sign-in pages: only site-relative paths, never another host.</summary>
public static class LocalUrl
{
    /// <summary>True for "/path…" but not "//host" or "/\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
