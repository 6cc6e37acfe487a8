/** File helpers shared by every writer: atomic replacement through a temporary sibling file. Stateless. */
package io.djia.core.io;
