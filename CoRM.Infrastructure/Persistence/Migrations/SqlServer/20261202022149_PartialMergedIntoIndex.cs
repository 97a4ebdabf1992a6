using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartialMergedIntoIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Constituents_MergedIntoId",
                table: "Constituents");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_MergedIntoId",
                table: "Constituents",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Constituents_MergedIntoId",
                table: "Constituents");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_MergedIntoId",
                table: "Constituents",
                column: "MergedIntoId");
        }
    }
}
