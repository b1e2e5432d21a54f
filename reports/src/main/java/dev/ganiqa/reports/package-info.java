/** The reports module of ganiqa. */
package dev.ganiqa.reports;
