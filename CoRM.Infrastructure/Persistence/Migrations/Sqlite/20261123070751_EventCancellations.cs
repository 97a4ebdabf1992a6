using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventCancellations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventRegistrations_EventId_ConstituentId",
                table: "EventRegistrations");

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "EventRegistrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CancelledById",
                table: "EventRegistrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RefundedAmount",
                table: "EventRegistrations",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_ConstituentId",
                table: "EventRegistrations",
                columns: new[] { "EventId", "ConstituentId" },
                unique: true,
                filter: "[CancelledAt] IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EventRegistrations_EventId_ConstituentId",
                table: "EventRegistrations");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "EventRegistrations");

            migrationBuilder.DropColumn(
                name: "CancelledById",
                table: "EventRegistrations");

            migrationBuilder.DropColumn(
                name: "RefundedAmount",
                table: "EventRegistrations");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_ConstituentId",
                table: "EventRegistrations",
                columns: new[] { "EventId", "ConstituentId" },
                unique: true);
        }
    }
}
