namespace CoRM.Portal.Security;

/// <summary>Bound from "DevelopmentSignIn". The persona sign-in is refused outside Development unless enabled here.</summary>
public sealed class DevelopmentSignInOptions
{
    public const string Section = "DevelopmentSignIn";

    public bool Enabled { get; set; }
}

/// <summary>Which sign-in the portal runs: Entra ID (OpenID Connect) or the development personas.</summary>
public sealed record SignInMode(bool UsesEntra, bool DevelopmentSignInAllowed)
{
    public string SignInPath => UsesEntra ? "/account/challenge" : "/account/sign-in";
}
