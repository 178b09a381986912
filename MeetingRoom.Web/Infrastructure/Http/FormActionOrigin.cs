using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace MeetingRoom.Web.Infrastructure.Http;

/// <summary>An origin (e.g. <c>https://login.example.com</c>) that a page's form post may end on after redirects (singleton service).</summary>
public sealed record FormActionOrigin(string Origin);
