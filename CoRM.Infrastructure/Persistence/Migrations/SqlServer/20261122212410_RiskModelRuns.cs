using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TrainedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Examples = table.Column<int>(type: "int", nullable: false),
                    Dropouts = table.Column<int>(type: "int", nullable: false),
                    CrossValidatedAuc = table.Column<double>(type: "float", nullable: false),
                    CrossValidatedAucStdDev = table.Column<double>(type: "float", nullable: false),
                    RulesAuc = table.Column<double>(type: "float", nullable: false),
                    Algorithm = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
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
