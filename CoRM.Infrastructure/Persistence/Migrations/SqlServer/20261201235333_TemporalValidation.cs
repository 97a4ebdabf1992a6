using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TemporalValidation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "TemporalAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TemporalSplit",
                table: "RiskModelRuns",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TemporalAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalBoostedAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalRulesAuc",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "TemporalSplit",
                table: "RiskModelRuns");
        }
    }
}
