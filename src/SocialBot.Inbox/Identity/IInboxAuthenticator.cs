using Microsoft.AspNetCore.Http;

namespace SocialBot.Inbox.Identity;

/// <summary>Reads who sent a request to the inbox; the only place that decides identity.</summary>
public interface IInboxAuthenticator
{
    Task<SignInResult> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken = default);
}
