using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskModelRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskModelRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Examples = table.Column<int>(type: "INTEGER", nullable: false),
                    Dropouts = table.Column<int>(type: "INTEGER", nullable: false),
                    CrossValidatedAuc = table.Column<double>(type: "REAL", nullable: false),
                    CrossValidatedAucStdDev = table.Column<double>(type: "REAL", nullable: false),
                    RulesAuc = table.Column<double>(type: "REAL", nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskModelRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskModelRuns_TrainedAt",
                table: "RiskModelRuns",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskModelRuns");
        }
    }
}
