namespace CoRM.Infrastructure.Common;

/// <summary>One page of a bounded list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, int PageIndex, int PageSize)
{
    public const int MaxPageSize = 100;

    public int PageCount => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public static (int Index, int Size) Clamp(int pageIndex, int pageSize) =>
        (Math.Max(0, pageIndex), Math.Clamp(pageSize, 1, MaxPageSize));
}
