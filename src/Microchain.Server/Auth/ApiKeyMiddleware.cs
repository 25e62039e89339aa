using Microchain.Server.Errors;
using Microsoft.AspNetCore.Http;

namespace Microchain.Server.Auth;

/// <summary>Every <c>/v1</c> call needs an API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>); the key names the tenant.</summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys)
{
    public const string TenantItem = "microchain.tenant";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var key = context.Request.Headers["X-Api-Key"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        if (key.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.Ordinal)) key = authorization["Bearer ".Length..].Trim();
        var record = key.Length == 0 ? null : keys.Find(key);
        if (record is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.Create(StatusCodes.Status401Unauthorized, "unauthorized", "An API key is required",
                key.Length == 0 ? "send the key in the X-Api-Key header" : "the API key is not known").ExecuteAsync(context);
            return;
        }
        context.Items[TenantItem] = record.Tenant;
        await next(context);
    }
}

public static class TenantHttpContextExtensions
{
    public static string Tenant(this HttpContext context) =>
        context.Items[ApiKeyMiddleware.TenantItem] as string ?? throw new InvalidOperationException("no tenant on an unauthenticated request");
}
