namespace CoRM.Infrastructure.Tests.Support;

/// <summary>Real data committed under tests/data (the UCI student-dropout file, CC BY 4.0; see its README).</summary>
public static class DataFiles
{
    public static string DropoutDataset => Path.Combine(RepositoryRoot(), "tests", "data", "student-dropout", "dataset.csv");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CoRM.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CoRM.sln not found above " + AppContext.BaseDirectory);
    }
}
