using CoRM.Domain.StudentSuccess;
using MudBlazor;

namespace CoRM.Portal.Components.Shared;

internal static class RiskLabels
{
    public static Color Color(RiskBand band) => band switch
    {
        RiskBand.High => MudBlazor.Color.Error,
        RiskBand.Medium => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };
}
