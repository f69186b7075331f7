/* The batched interpreter's boundary with Python: a batch's tokens read into codes, and codes written back
 * as each input's list of values. One pass each, in C.
 *
 * Why C: with a thousand inputs of length ten, these two passes were ~40 % of a call (docs/speed.md,
 * "Interpreter, ninth pass"). In Python each token costs a bytecode loop's iteration and each numpy call a
 * fixed ~5-30 us in a call that follows slower work (cold caches); nine passes of numpy/marshal tricks did
 * not get below that. Here a token is a pointer load, a comparison and a store.
 *
 * Values are told apart as weightsmith.rasp.batch._Interner tells them apart: an exact str or int is its
 * own key (no other key equals it, every other one is a tuple led by a type), anything else is keyed by
 * the Python function passed in (`_key`: type, value, a float zero's sign, a tuple's elements recursively).
 * No token is converted: the table holds the token objects themselves, and the writer hands out the
 * table's objects, so every value comes back with its exact type.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define PAD (-1)
#define CACHE_SIZE 512 /* open addressing: token object -> code, for objects held by the table */
#define CACHE_LIMIT 256 /* table objects cached at most (the cache stays at most half full) */

/* The code of one token: a cache of table objects by address (tokens drawn from a vocabulary are the
 * table's own objects, and small ints and one-character strings are shared by CPython), else a dict
 * lookup by key; a new key gets the next code and its token joins the table. Returns -1 with an
 * exception set on failure. Only objects the table holds (owned, never freed during the pass) are
 * cached, so an address in the cache can never be reused by another object mid-pass. The cache is
 * probed linearly from a multiplicative hash of the address and never evicts: a direct-mapped one
 * thrashed on shared one-character strings that lie a multiple of 4 KiB apart ('a' and 'c'). */
typedef struct {
    PyObject *index;  /* key -> code (a Python int) */
    PyObject *table;  /* code -> the first token met with that key */
    PyObject *key;    /* the key function for tokens that are not exact str or int */
    PyObject *cache_object[CACHE_SIZE];
    Py_ssize_t cache_code[CACHE_SIZE];
    Py_ssize_t cached;
    int sortable;     /* 1: every token so far an exact str; 2: an exact int; 0: other or mixed; -1: none yet */
} Reader;

static Py_ssize_t code_of(Reader *r, PyObject *token) {
    size_t slot = (size_t)(((uint64_t)(uintptr_t)token * 0x9E3779B97F4A7C15ull) >> 55); /* top 9 bits */
    for (; r->cache_object[slot] != NULL; slot = (slot + 1) & (CACHE_SIZE - 1)) {
        if (r->cache_object[slot] == token) {
            return r->cache_code[slot];
        }
    }
    PyTypeObject *kind = Py_TYPE(token);
    int plain = kind == &PyUnicode_Type ? 1 : kind == &PyLong_Type ? 2 : 0;
    if (r->sortable != plain) {
        r->sortable = r->sortable == -1 ? plain : 0;
    }
    PyObject *key;
    if (plain) {
        key = Py_NewRef(token);
    } else {
        key = PyObject_CallOneArg(r->key, token);
        if (key == NULL) {
            return -1;
        }
    }
    Py_ssize_t code;
    PyObject *found = PyDict_GetItemWithError(r->index, key); /* borrowed */
    if (found != NULL) {
        code = PyLong_AsSsize_t(found);
    } else if (PyErr_Occurred()) {
        code = -1;
    } else {
        code = PyList_GET_SIZE(r->table);
        PyObject *number = PyLong_FromSsize_t(code);
        if (number == NULL || PyDict_SetItem(r->index, key, number) < 0 || PyList_Append(r->table, token) < 0) {
            code = -1;
        }
        Py_XDECREF(number);
    }
    Py_DECREF(key);
    if (code >= 0 && r->cached < CACHE_LIMIT && PyList_GET_ITEM(r->table, code) == token) {
        r->cache_object[slot] = token; /* the empty slot the probe ended on */
        r->cache_code[slot] = code;
        r->cached++;
    }
    return code;
}

/* Sorts a table of exact strs or exact ints and renumbers the codes to match: the codes become the
 * tokens' ranks (batch.Distinct.gather then needs no lookup for a sorted vocabulary). */
static int sort_table(Reader *r, Py_ssize_t *codes, Py_ssize_t n) {
    Py_ssize_t size = PyList_GET_SIZE(r->table);
    PyObject *sorted = PyList_GetSlice(r->table, 0, size);
    if (sorted == NULL || PyList_Sort(sorted) < 0) {
        Py_XDECREF(sorted);
        return -1;
    }
    Py_ssize_t *rank = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(size ? size : 1));
    if (rank == NULL) {
        Py_DECREF(sorted);
        PyErr_NoMemory();
        return -1;
    }
    int moved = 0;
    for (Py_ssize_t j = 0; j < size; j++) {
        PyObject *old = PyDict_GetItemWithError(r->index, PyList_GET_ITEM(sorted, j)); /* keys are the tokens */
        if (old == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_RuntimeError, "a sorted token is not in the index");
            }
            PyMem_Free(rank);
            Py_DECREF(sorted);
            return -1;
        }
        Py_ssize_t before = PyLong_AsSsize_t(old);
        rank[before] = j;
        moved |= before != j;
    }
    if (moved) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (codes[i] != PAD) {
                codes[i] = rank[codes[i]];
            }
        }
    }
    PyMem_Free(rank);
    Py_SETREF(r->table, sorted);
    return 0;
}

PyDoc_STRVAR(read_doc,
"read(inputs, key) -> (codes, table, width, lengths)\n\n"
"The tokens of `inputs` (a sequence of sequences) as codes into `table`, the distinct tokens (told apart\n"
"by `key` unless exact str or int): `codes` is a bytearray of len(inputs) * width native Py_ssize_t,\n"
"row-major, -1 past each input's end; `width` the longest input's length; `lengths` None when every\n"
"input has that length, else a bytearray of each input's length (Py_ssize_t). A table of exact strs or\n"
"exact ints is sorted (codes are ranks); any other in order of first appearance.");

static PyObject *boundary_read(PyObject *self, PyObject *args) {
    PyObject *inputs, *key;
    if (!PyArg_ParseTuple(args, "OO:read", &inputs, &key)) {
        return NULL;
    }
    PyObject *outer = PySequence_Fast(inputs, "inputs must be a sequence of sequences");
    if (outer == NULL) {
        return NULL;
    }
    Py_ssize_t n_rows = PySequence_Fast_GET_SIZE(outer);
    PyObject **rows = PyMem_Calloc((size_t)(n_rows ? n_rows : 1), sizeof(PyObject *));
    Py_ssize_t *sizes = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(n_rows ? n_rows : 1));
    PyObject *codes_bytes = NULL, *lengths_bytes = NULL, *result = NULL;
    Reader r = {PyDict_New(), PyList_New(0), key, {NULL}, {0}, 0, -1};
    if (rows == NULL || sizes == NULL || r.index == NULL || r.table == NULL) {
        if (rows == NULL || sizes == NULL) {
            PyErr_NoMemory();
        }
        goto done;
    }
    /* First pass: each row as a list or tuple (held, so user code run by a key, __hash__ or __eq__
     * cannot free one mid-pass), its size, and the width. */
    Py_ssize_t width = 0;
    int one_length = 1;
    for (Py_ssize_t b = 0; b < n_rows; b++) {
        if (b >= PySequence_Fast_GET_SIZE(outer)) { /* shortened by a row's own __iter__ or __len__ */
            PyErr_SetString(PyExc_RuntimeError, "the inputs changed while they were read");
            goto done;
        }
        PyObject *input = Py_NewRef(PySequence_Fast_GET_ITEM(outer, b));
        rows[b] = PySequence_Fast(input, "each input must be a sequence");
        Py_DECREF(input);
        if (rows[b] == NULL) {
            goto done;
        }
        sizes[b] = PySequence_Fast_GET_SIZE(rows[b]);
        one_length &= !b || sizes[b] == width;
        width = sizes[b] > width ? sizes[b] : width;
    }
    if (n_rows && width > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(Py_ssize_t) / n_rows) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t total = n_rows * width;
    codes_bytes = PyByteArray_FromStringAndSize(NULL, total * (Py_ssize_t)sizeof(Py_ssize_t));
    if (codes_bytes == NULL) {
        goto done;
    }
    /* Second pass: the codes. A row's size is checked against the first pass's at every token: user
     * code may have changed a row (then the batch is refused rather than read past its end). */
    Py_ssize_t *codes = (Py_ssize_t *)PyByteArray_AS_STRING(codes_bytes);
    for (Py_ssize_t b = 0; b < n_rows; b++) {
        PyObject *row = rows[b];
        Py_ssize_t n = sizes[b];
        Py_ssize_t *out = codes + b * width;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PySequence_Fast_GET_SIZE(row) != n) {
                PyErr_SetString(PyExc_RuntimeError, "an input changed while its tokens were read");
                goto done;
            }
            PyObject *token = Py_NewRef(PySequence_Fast_GET_ITEM(row, i));
            Py_ssize_t code = code_of(&r, token);
            Py_DECREF(token);
            if (code < 0) {
                goto done;
            }
            out[i] = code;
        }
        for (Py_ssize_t i = n; i < width; i++) {
            out[i] = PAD;
        }
    }
    if (!one_length) {
        lengths_bytes = PyByteArray_FromStringAndSize((const char *)sizes, n_rows * (Py_ssize_t)sizeof(Py_ssize_t));
        if (lengths_bytes == NULL) {
            goto done;
        }
    }
    if (r.sortable > 0 && PyList_GET_SIZE(r.table) > 1 && sort_table(&r, codes, total) < 0) {
        goto done;
    }
    result = Py_BuildValue("OOnO", codes_bytes, r.table, width, lengths_bytes ? lengths_bytes : Py_None);
done:
    if (rows != NULL) {
        for (Py_ssize_t b = 0; b < n_rows; b++) {
            Py_XDECREF(rows[b]);
        }
        PyMem_Free(rows);
    }
    PyMem_Free(sizes);
    Py_DECREF(outer);
    Py_XDECREF(r.index);
    Py_XDECREF(r.table);
    Py_XDECREF(codes_bytes);
    Py_XDECREF(lengths_bytes);
    return result;
}

/* A read-only view of a 1-D or 2-D array of native Py_ssize_t (numpy's intp) by the buffer protocol. */
static int get_index_buffer(PyObject *obj, Py_buffer *view, int ndim, const char *what) {
    if (PyObject_GetBuffer(obj, view, PyBUF_STRIDED_RO | PyBUF_FORMAT) < 0) {
        return -1;
    }
    const char *format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=') {
        format++;
    }
    int integer = (*format == 'l' || *format == 'q' || *format == 'n') && format[1] == '\0';
    if (view->ndim != ndim || view->itemsize != (Py_ssize_t)sizeof(Py_ssize_t) || !integer) {
        PyErr_Format(PyExc_TypeError, "%s must be a %d-D array of intp", what, ndim);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

#define AT(view, offset) (*(const Py_ssize_t *)((const char *)(view).buf + (offset)))

PyDoc_STRVAR(rows_doc,
"rows(codes, table, lengths) -> list of lists\n\n"
"Each input's values: row b is [table[c] for c in codes[b, :lengths[b]]] (`codes`: a 2-D intp array,\n"
"any strides; `lengths`: a 1-D intp array, or None for every row's full width). The table's objects\n"
"themselves are placed, so values keep their exact types. IndexError for a code outside the table.");

static PyObject *boundary_rows(PyObject *self, PyObject *args) {
    PyObject *codes_obj, *table, *lengths_obj;
    if (!PyArg_ParseTuple(args, "OO!O:rows", &codes_obj, &PyList_Type, &table, &lengths_obj)) {
        return NULL;
    }
    Py_buffer codes, lengths;
    if (get_index_buffer(codes_obj, &codes, 2, "codes") < 0) {
        return NULL;
    }
    int has_lengths = lengths_obj != Py_None;
    if (has_lengths && get_index_buffer(lengths_obj, &lengths, 1, "lengths") < 0) {
        PyBuffer_Release(&codes);
        return NULL;
    }
    Py_ssize_t n_rows = codes.shape[0], width = codes.shape[1];
    PyObject *result = NULL;
    if (has_lengths && lengths.shape[0] != n_rows) {
        PyErr_SetString(PyExc_ValueError, "lengths must have one entry per row of codes");
        goto done;
    }
    /* The table's item array is read directly: nothing below runs Python code, so it cannot change. */
    Py_ssize_t size = PyList_GET_SIZE(table);
    PyObject **items = ((PyListObject *)table)->ob_item;
    result = PyList_New(n_rows);
    if (result == NULL) {
        goto done;
    }
    for (Py_ssize_t b = 0; b < n_rows; b++) {
        Py_ssize_t n = has_lengths ? AT(lengths, b * lengths.strides[0]) : width;
        if (n < 0 || n > width) {
            PyErr_SetString(PyExc_ValueError, "a length is outside the codes' width");
            Py_CLEAR(result);
            goto done;
        }
        PyObject *row = PyList_New(n);
        if (row == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, b, row);
        const char *base = (const char *)codes.buf + b * codes.strides[0];
        Py_ssize_t step = codes.strides[1];
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_ssize_t c = *(const Py_ssize_t *)(base + i * step);
            if (c < 0 || c >= size) {
                PyErr_Format(PyExc_IndexError, "code %zd at row %zd, position %zd is outside a table of %zd",
                             c, b, i, size);
                Py_CLEAR(result);
                goto done;
            }
            PyList_SET_ITEM(row, i, Py_NewRef(items[c]));
        }
    }
done:
    PyBuffer_Release(&codes);
    if (has_lengths) {
        PyBuffer_Release(&lengths);
    }
    return result;
}

static PyMethodDef methods[] = {
    {"read", boundary_read, METH_VARARGS, read_doc},
    {"rows", boundary_rows, METH_VARARGS, rows_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_boundary",
    "The batched interpreter's two passes over Python objects: tokens to codes, codes to output lists.",
    -1, methods,
};

PyMODINIT_FUNC PyInit__boundary(void) {
    return PyModule_Create(&module);
}
